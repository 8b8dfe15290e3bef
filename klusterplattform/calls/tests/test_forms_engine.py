"""The application-form engine: checking definitions, the Django form built from one, answers, completeness, and
form versions frozen when a call opens."""

import copy
import datetime
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone, translation

from klusterplattform.accounts.models import AuditEvent
from klusterplattform.calls import forms_engine as engine
from klusterplattform.calls.forms_engine import (
    DEFAULT_FORM,
    FormLocked,
    answer_rows,
    answers_from,
    completeness,
    current_form,
    file_fields,
    form_for,
    save_form,
    validate_definition,
)
from klusterplattform.calls.models import FormVersion
from klusterplattform.core.questionnaire import CHOICE, MULTIPLE, NUMBER, Option, Question, summarise

from .calls_world import make_call


def field(code, kind, **extra):
    return {"code": code, "kind": kind, "label_sv": f"{code} sv", "label_en": f"{code} en", **extra}


def form_of(*fields, code="main"):
    return {"sections": [{"code": code, "title_sv": "Del", "title_en": "Part", "fields": list(fields)}]}


TABLE = field(
    "budget",
    "table",
    max_rows=3,
    required=True,
    columns=[
        {"code": "item", "label_sv": "Post", "label_en": "Item", "kind": "text"},
        {"code": "amount", "label_sv": "Belopp", "label_en": "Amount", "kind": "number"},
    ],
)
OPTIONS = [
    {"code": "a", "label_sv": "Alfa", "label_en": "Alpha"},
    {"code": "b", "label_sv": "Beta", "label_en": "Beta"},
]


def pdf(name="strategy.pdf", size=100):
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"x" * size, content_type="application/pdf")


def docx(name="strategy.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    return SimpleUploadedFile(name, buffer.getvalue())


# --- validate_definition -----------------------------------------------------------------------------------------


def test_the_default_form_is_valid_and_has_the_sections_of_an_s3_call():
    assert validate_definition(DEFAULT_FORM) == []
    codes = [section["code"] for section in DEFAULT_FORM["sections"]]
    assert codes == ["cluster", "s3", "needs", "international", "budget", "attachments"]
    (strategy,) = DEFAULT_FORM["sections"][-1]["fields"]
    assert strategy["kind"] == "file" and strategy["required"] is True
    assert strategy["label_en"] == "Strategy document"
    assert strategy["extensions"] == [".pdf", ".docx", ".odt"] and strategy["max_bytes"] == 10 * 1024 * 1024


@pytest.mark.parametrize(
    "definition, problem",
    [
        ([], "(form): must be an object with a list of sections"),
        ({"sections": []}, "sections: the form needs at least one section"),
        ({"sections": [], "title": "x"}, "(form).title: unknown key"),
        (form_of(field("pick", "choice")), "sections[0].fields[0].options: a choice field needs options"),
        (form_of(field("pick", "multiple", options=[])), "sections[0].fields[0].options: a choice field needs options"),
        (form_of(field("x", "date")), "sections[0].fields[0].kind: must be one of"),
        (form_of(field("Bad-Code", "text")), "sections[0].fields[0].code: a code is"),
        (form_of(field("x", "text", label_sv="")), "sections[0].fields[0].label_sv: required text is missing"),
        (form_of(field("x", "text", colour="red")), "sections[0].fields[0].colour: unknown key"),
        (form_of(field("x", "text", max_length=0)), "sections[0].fields[0].max_length: a whole number"),
        (form_of(field("x", "text", required="yes")), "sections[0].fields[0].required: must be true or false"),
        (form_of(field("n", "number", min=5, max=5)), "sections[0].fields[0].max: must be greater than min"),
        (form_of(field("n", "number", min="0")), "sections[0].fields[0].min: must be a number"),
        (form_of(field("f", "file")), "sections[0].fields[0].extensions: a file field needs a list"),
        (form_of(field("f", "file", extensions=[".exe"])), "sections[0].fields[0].extensions[0]: '.exe' is not"),
        (form_of(field("f", "file", extensions=[".pdf"], max_bytes=10**12)), "sections[0].fields[0].max_bytes"),
        (form_of(field("t", "table")), "sections[0].fields[0].columns: a table needs columns"),
        ({**form_of({**TABLE, "max_rows": 51})}, "sections[0].fields[0].max_rows: a whole number from 1 to 50"),
        (
            form_of({**TABLE, "columns": [{"code": "a", "label_sv": "A", "label_en": "A", "kind": "file"}]}),
            "sections[0].fields[0].columns[0].kind: a column is text or number",
        ),
        (
            form_of(field("pick", "choice", options=[OPTIONS[0], OPTIONS[0]])),
            "sections[0].fields[0].options[1].code: 'a' is used twice",
        ),
        ({"sections": [{"code": "s", "title_sv": "S", "title_en": "S", "fields": []}]}, "sections[0].fields: a"),
        ({"sections": [{"code": "s", "title_en": "S", "fields": [field("x", "text")]}]}, "sections[0].title_sv"),
    ],
)
def test_each_problem_is_named_with_where_it_is(definition, problem):
    problems = validate_definition(definition)
    assert any(p.startswith(problem) for p in problems), problems


def test_codes_are_unique_across_the_whole_form_and_every_problem_is_listed():
    definition = {
        "sections": [
            {"code": "one", "title_sv": "Ett", "title_en": "One", "fields": [field("name", "text")]},
            {
                "code": "one",
                "title_sv": "Två",
                "title_en": "Two",
                "fields": [field("name", "text"), field("p", "choice")],
            },
        ]
    }
    problems = validate_definition(definition)
    assert "sections[1].code: 'one' is already used by sections[0]" in problems
    assert "sections[1].fields[0].code: 'name' is already used by sections[0].fields[0]" in problems
    assert "sections[1].fields[1].options: a choice field needs options" in problems
    assert len(problems) == 3


# --- the Django form --------------------------------------------------------------------------------------------


def test_a_table_keeps_only_the_filled_rows_and_reads_numbers_written_the_swedish_way():
    form = form_for(
        form_of(TABLE), data={"budget-0-item": "Lön", "budget-0-amount": "1 200,50", "budget-2-item": "Resor"}
    )
    assert form.is_valid(), form.errors
    assert answers_from(form) == {"budget": [{"item": "Lön", "amount": 1200.5}, {"item": "Resor", "amount": ""}]}


def test_a_table_refuses_a_cell_that_is_not_a_number_and_names_row_and_column():
    with translation.override("en"):
        form = form_for(form_of(TABLE), data={"budget-1-item": "Lön", "budget-1-amount": "many"})
        assert not form.is_valid()
        assert form.errors["budget"] == ["Row 2, Amount: enter a number."]


def test_a_table_is_an_accessible_table_of_max_rows_rows():
    with translation.override("en"):
        form = form_for(form_of(TABLE), initial={"budget": [{"item": "Lön", "amount": 5}]})
        html = str(form["budget"])
    assert "<caption>budget en (required)</caption>" in html
    assert '<th scope="col">Item</th>' in html and '<th scope="col">Amount</th>' in html
    assert html.count("<tr>") == 4  # the header and three rows
    assert 'name="budget-0-item"' in html and 'value="Lön"' in html and 'name="budget-2-amount"' in html
    assert 'aria-label="Amount, row 3"' in html
    assert form["budget"].id_for_label == "id_budget-0-item"


def test_required_fields_are_marked_but_a_draft_may_leave_them_empty():
    definition = form_of(field("name", "text", required=True), field("note", "textarea"))
    draft = form_for(definition, data={})
    assert draft.is_valid() and answers_from(draft) == {}
    assert draft.fields["name"].kp_required and not draft.fields["note"].kp_required
    with translation.override("en"):
        strict = form_for(definition, data={}, require=True)
        assert not strict.is_valid() and list(strict.errors) == ["name"]
        assert strict.fields["name"].label == "name en (required)"


def test_numbers_choices_and_text_are_checked_and_answers_are_plain_json():
    definition = form_of(
        field("staff", "number", min=0, max=10),
        field("level", "choice", options=OPTIONS),
        field("areas", "multiple", options=OPTIONS),
        field("name", "text", max_length=5),
    )
    bad = form_for(definition, data={"staff": "11", "level": "z", "areas": ["a", "z"], "name": "too long"})
    assert not bad.is_valid()
    assert set(bad.errors) == {"staff", "level", "areas", "name"}
    good = form_for(definition, data={"staff": "3", "level": "b", "areas": ["a", "b"], "name": "Kort"})
    assert good.is_valid(), good.errors
    answers = answers_from(good)
    assert answers == {"staff": 3, "level": "b", "areas": ["a", "b"], "name": "Kort"}
    assert json.loads(json.dumps(answers)) == answers
    assert form_for(definition, data={"staff": "2.5"}).is_valid()
    decimal_form = form_for(definition, data={"staff": "2.5"})
    decimal_form.is_valid()
    assert answers_from(decimal_form) == {"staff": 2.5}


def test_labels_follow_the_language_and_the_form_lists_its_sections():
    with translation.override("en"):
        form = form_for(DEFAULT_FORM)
        assert [section.title for section in form.sections][:2] == [
            "The cluster organisation",
            "Smart-specialisation priority",
        ]
        assert form.fields["staff"].label == "Staff (full-time equivalents) (required)"
    with translation.override("sv"):
        assert form_for(DEFAULT_FORM).sections[0].title == "Klusterorganisationen"


def test_file_fields_are_described_and_uploads_are_checked_by_type_and_size():
    (strategy,) = file_fields(FormVersion(definition=DEFAULT_FORM))
    assert strategy.code == "strategy_document" and strategy.required and strategy.max_bytes == 10 * 1024 * 1024
    assert engine.check_upload(strategy, pdf()) == ".pdf"
    assert engine.check_upload(strategy, docx()) == ".docx"
    form = form_for(DEFAULT_FORM, data={}, files={"strategy_document": SimpleUploadedFile("x.pdf", b"not a pdf")})
    assert not form.is_valid() and "strategy_document" in form.errors
    small = form_of(field("f", "file", extensions=[".pdf"], max_bytes=50))
    with translation.override("en"):
        too_big = form_for(small, data={}, files={"f": pdf(size=100)})
        assert not too_big.is_valid()
        assert "this field accepts at most 50" in too_big.errors["f"][0]
    ok = form_for(DEFAULT_FORM, data={}, files={"strategy_document": pdf()})
    assert ok.is_valid() and "strategy_document" not in answers_from(ok)
    assert "strategy_document" not in form_for(DEFAULT_FORM, with_files=False).fields


@override_settings(KP_MAX_UPLOAD_BYTES=1000)
def test_the_site_upload_limit_applies_to_a_file_field_without_its_own_limit():
    definition = form_of(field("f", "file", extensions=[".pdf"]))
    assert validate_definition(definition) == []
    assert not form_for(definition, data={}, files={"f": pdf(size=2000)}).is_valid()
    assert validate_definition(form_of(field("f", "file", extensions=[".pdf"], max_bytes=2000)))


# --- completeness -------------------------------------------------------------------------------------------------


def test_completeness_counts_required_fields_per_section_and_lists_the_missing():
    answers = {
        "mission": "Vi samlar företag.",
        "staff": 0,  # zero is an answer
        "members": 40,
        "s3_area": "   ",  # blank is not
        "focus": [],
        "budget": [{"item": "Lön", "amount": 100}],
    }
    with translation.override("en"):
        result = completeness(DEFAULT_FORM, answers, file_codes=["strategy_document"])
    by_code = {section.code: (section.answered, section.required) for section in result.sections}
    assert by_code == {
        "cluster": (3, 3),
        "s3": (0, 2),
        "needs": (0, 2),
        "international": (0, 1),
        "budget": (1, 1),
        "attachments": (1, 1),
    }
    assert [item["code"] for item in result.missing] == [
        "s3_area",
        "s3_contribution",
        "focus",
        "goals",
        "international_level",
    ]
    assert result.missing[0]["label"] == "Priority area in the region's strategy"
    assert not result.complete and (result.answered, result.required) == (5, 10)
    assert completeness(DEFAULT_FORM, answers).missing[-1]["code"] == "strategy_document"


def test_a_form_without_required_fields_is_complete_when_empty():
    result = completeness(form_of(field("note", "textarea")), {}, ())
    assert result.complete and result.sections[0].required == 0


def test_answer_rows_show_labels_of_options_and_table_cells_in_column_order():
    definition = form_of(field("level", "choice", options=OPTIONS), field("areas", "multiple", options=OPTIONS), TABLE)
    with translation.override("en"):
        (section,) = answer_rows(definition, {"level": "a", "areas": ["b"], "budget": [{"amount": 3, "item": "X"}]})
    values = {row["code"]: row["value"] for row in section["fields"]}
    assert values == {"level": "Alpha", "areas": ["Beta"], "budget": [["X", 3]]}


def test_the_questionnaire_summarises_choices_multiples_and_numbers():
    options = (Option("a", "A", "A"), Option("b", "B", "B"))
    questions = [
        Question("one", "En", "One", kind=CHOICE, options=options),
        Question("many", "Flera", "Many", kind=MULTIPLE, options=options),
        Question("n", "Tal", "Number", kind=NUMBER),
    ]
    one, many, number = summarise(questions, [{"one": "a", "many": ["a", "b"], "n": 2}, {"one": "a", "n": 4}, {}])
    assert one.counts == {"a": 2, "b": 0} and one.answered == 2
    assert many.counts == {"a": 1, "b": 1} and many.answered == 1
    assert number.mean == 3 and number.answered == 2


# --- versions -----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_form_is_frozen_when_the_call_opens_and_only_once():
    call = make_call(opens_in_days=2)
    version = current_form(call)
    assert version.number == 1 and version.frozen_at is None
    opening = call.opens_at + datetime.timedelta(seconds=1)
    frozen = current_form(call, now=opening)
    assert frozen.pk == version.pk and frozen.frozen_at == opening
    again = current_form(call, now=opening + datetime.timedelta(days=1))
    assert again.frozen_at == opening
    freezes = AuditEvent.objects.filter(object_id=str(version.pk), changes__has_key="frozen_at")
    assert freezes.count() == 1  # recorded in the audit trail, once


@pytest.mark.django_db
def test_a_call_without_a_form_gets_the_default_form():
    call = make_call(form=False, opens_in_days=3)
    version = current_form(call)
    assert version.number == 1 and version.definition == DEFAULT_FORM and version.frozen_at is None


@pytest.mark.django_db
def test_saving_before_opening_updates_the_unfrozen_version_or_starts_a_new_one():
    call = make_call(opens_in_days=5)
    changed = copy.deepcopy(DEFAULT_FORM)
    changed["sections"][0]["title_en"] = "About you"
    assert save_form(call, changed).number == 1
    assert FormVersion.objects.get(call=call).definition["sections"][0]["title_en"] == "About you"
    FormVersion.objects.filter(call=call).update(frozen_at=timezone.now())  # e.g. the opening date was moved later
    second = save_form(call, DEFAULT_FORM)
    assert second.number == 2 and second.frozen_at is None
    assert FormVersion.objects.get(call=call, number=1).definition["sections"][0]["title_en"] == "About you"
    with pytest.raises(ValueError):
        save_form(call, {"sections": []})
    assert FormVersion.objects.filter(call=call).count() == 2


@pytest.mark.django_db
def test_after_opening_the_form_cannot_be_saved_and_is_frozen():
    call = make_call(opens_in_days=-1)
    FormVersion.objects.filter(call=call).update(frozen_at=None)
    with pytest.raises(FormLocked):
        save_form(call, DEFAULT_FORM)
    assert FormVersion.objects.get(call=call).frozen_at is not None
    assert FormVersion.objects.filter(call=call).count() == 1
