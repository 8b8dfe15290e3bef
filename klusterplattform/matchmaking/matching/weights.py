"""How much each part of a match counts: configuration, in one place (rule 3). Each component is a value between 0
and 1; the score is the weighted sum over the components that apply to the need, as a share of their weights, in
points from 0 to 100. A component that does not apply (no geography wish, no text, no region with a strategy) is
left out of both sums rather than counted as zero, as n/a is in every other score of the platform. The thumbs up and
down that users give (MatchFeedback) are kept with the components shown, to tune these numbers from evidence.
"""

CLUSTER_WEIGHTS = {
    "ecosystems": 22,  # shared industrial ecosystems (share of the need's)
    "sectors": 8,  # shared sectoral industries
    "technologies": 10,  # shared technology fields
    "complementary": 8,  # technology fields or sectors the seeker lacks, in a shared ecosystem
    "s3": 10,  # ecosystems both regions' smart-specialisation strategies prioritise
    "text": 30,  # profile and strengths against the need's words (BM25)
    "geography": 12,  # in a country or region the need asks for
    "label": 5,  # Cluster Management Excellence label in force (official record)
    "activity": 5,  # profile updated recently
}

ORGANISATION_WEIGHTS = {
    "cluster": 45,  # the best match score among the clusters it is a member of
    "partner_type": 25,  # the type of partner the search asks for
    "geography": 15,
    "text": 15,  # its name against the need's words
}

# BM25 parameters (the usual defaults) and the text query's limits.
BM25_K1 = 1.2
BM25_B = 0.75
MAX_QUERY_TERMS = 32
# Stop adding ever commoner words when their postings would pass this: at 5,000 clusters a profile's 16 words read
# ~7,000 postings, at ~2 µs each in Python and as much again in the database (bench/matchmaking_match_bench.py);
# the words left out are the commonest, which add least to BM25.
POSTINGS_BUDGET = 3_000
RECENT_DAYS, STALE_DAYS = 90, 730  # activity: full marks within 90 days, none after two years
LABEL_VALUE = {"gold": 1.0, "silver": 2 / 3, "bronze": 1 / 3}
# Member organisations are looked for among the best clusters' members (10 clusters hold ~600 at Europe scale,
# with the name matches under the 1,000 a user can page through; each document read costs ~10 µs on PostgreSQL,
# and 150 clusters read ~9,000) …
CLUSTERS_FOR_MEMBERS = 10
TEXT_HITS_FOR_MEMBERS = 200  # … and among the organisations whose names match the need best,
NAME_POSTINGS_BUDGET = 500  # looked up among the names with a smaller budget (names are short, the weight low)
