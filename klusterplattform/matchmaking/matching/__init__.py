"""The matching engine: an index of cluster and member organisations in the database (indexing.py), the need a
ranking is asked for (need.py), the score (ranking.py, weights in weights.py) and the reasons shown with every match
(reasons.py). See docs/matchmaking.md, "Matching engine".
"""
