"""Claims and denials (issue 11 item 7): a denial is linked to an event only when what it denies matches
it — the same type, and the same place or the same actor; otherwise it is a context note.
Every sentence here was written for these tests."""
from __future__ import annotations

from datetime import date

from events.ingest import ingest
from events.model import ClaimStatus

PUB = date(2019, 5, 14)


def _run(text: str, gazetteer):
    return ingest(text, published=PUB, gazetteer=gazetteer)


def _denials(got):
    return [d for d in got.drafts if d.event.status is ClaimStatus.DENIED]


def _denial_notes(got):
    return [n for n in got.notes if "denial" in n.reason]


def test_arabic_denial_of_the_same_strike_by_the_same_side_is_linked(gazetteer):
    got = _run("قالت مصادر محلية إن طائرات حربية روسية شنت غارات على بلدة كفرنبل أمس. "
               "ونفت وزارة الدفاع الروسية أن تكون طائراتها قد شنت غارات على بلدة كفرنبل.", gazetteer)
    [claim] = [d for d in got.drafts if d.event.status is ClaimStatus.CLAIMED]
    [denial] = _denials(got)
    assert denial.event.denies == (claim.event.id,)


def test_arabic_denial_by_the_accused_side_without_a_place_is_linked_by_actor(gazetteer):
    got = _run("قالت مصادر محلية إن طائرات حربية روسية شنت غارات على بلدة كفرنبل أمس. "
               "ونفت وزارة الدفاع الروسية شن أي غارات جوية أمس.", gazetteer)
    [denial] = _denials(got)
    assert len(denial.event.denies) == 1 and not _denial_notes(got)


def test_arabic_denial_of_another_place_by_another_side_is_a_note(gazetteer):
    got = _run("قالت مصادر محلية إن طائرات التحالف الدولي شنت غارات على مدينة الرقة أمس. "
               "ونفت وزارة الدفاع التركية شن غارات على مدينة عفرين أمس.", gazetteer)
    assert not _denials(got)
    [note] = _denial_notes(got)
    assert note.kind == "not_incident" and note.draft is not None          # one click makes it a draft
    assert note.draft.event.status is ClaimStatus.DENIED and "عفرين" in note.clause
    assert [d.event.status for d in got.drafts] == [ClaimStatus.CLAIMED]


def test_english_denial_names_the_place_of_the_claim(gazetteer):
    got = _run("Activists said Russian jets struck Saraqib on Monday.\n\n"
               "The Turkish defence ministry denied that any strike had hit Saraqib on Monday.", gazetteer)
    [denial] = _denials(got)
    assert len(denial.event.denies) == 1                                # the place matches, the actor does not


def test_english_denial_by_another_side_of_an_unnamed_place_is_a_note(gazetteer):
    got = _run("Activists said Russian jets struck Saraqib on Monday.\n\n"
               "The Turkish defence ministry denied carrying out any air strikes on Monday.", gazetteer)
    assert not _denials(got) and len(_denial_notes(got)) == 1


def test_english_denial_by_the_ministry_of_the_accused_forces_is_linked(gazetteer):
    got = _run("Activists said Russian jets struck Saraqib on Monday.\n\n"
               "The Russian defence ministry denied carrying out any air strikes on Monday.", gazetteer)
    [denial] = _denials(got)
    assert len(denial.event.denies) == 1


def test_a_denial_of_another_type_at_the_same_place_is_not_linked(gazetteer):
    got = _run("Activists said Russian jets struck Saraqib on Monday.\n\n"
               "The Russian defence ministry denied that its troops had arrested anyone in Saraqib on Monday.", gazetteer)
    assert all(not d.event.denies for d in got.drafts)
    assert len(_denial_notes(got)) == 1
