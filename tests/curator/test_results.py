"""Results of a loan: publications and data sets by DOI (checked), listed in the workbook's register and
counted per institution; a loan is closed when its material is back or used up and its results are in."""

from datetime import date
from pathlib import Path

import pytest
from factories import CURATOR, TECH, sample, seed
from openpyxl import load_workbook

from curator import allocations, inventory
from curator.errors import RuleViolation, ValidationError
from curator.integrity import verify
from curator.inventory import ChildSpec
from curator.loan_filter import LoanFilter
from curator.loan_results import loan_closed, loan_results, normalise_doi, record_result
from curator.loans import allocation_rows
from curator.outputs.spreadsheets import export_workbook
from curator.vocabulary import AllocationStatus, LoanState


@pytest.fixture
def split(db) -> str:
    seed(db)
    sample(db, mass_ug=10_000_000)
    (made,) = inventory.split(db, TECH, "CE5C0400YJFM00505", [ChildSpec(300_000)])
    allocations.create(db, TECH, "CE5-P-1", "Osaka University", "CE5", "Dr. Paper", 300_000, date(2030, 1, 1))
    allocations.approve(db, CURATOR, "CE5-P-1")
    return made


@pytest.mark.parametrize(("text", "doi"), [("10.1038/s41586-021-04100-2", "10.1038/s41586-021-04100-2"),
                                           ("https://doi.org/10.5281/ZENODO.1234", "10.5281/zenodo.1234"),
                                           ("doi: 10.1126/science.abl7957", "10.1126/science.abl7957")])
def test_dois_are_read_in_their_usual_forms(text: str, doi: str) -> None:
    assert normalise_doi(text) == doi


@pytest.mark.parametrize("text", ["10.12/short", "doi.org/10.1038/x", "10.1038/with space", "11.1038/x", ""])
def test_what_is_not_a_doi_is_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="is not a DOI"):
        normalise_doi(text)


def test_results_close_a_returned_loan_and_reach_the_workbook(db, split, tmp_path: Path) -> None:
    with pytest.raises(RuleViolation, match="results come from material handed over"):
        record_result(db, TECH, "CE5-P-1", "10.1038/s41586-021-04100-2")
    allocations.hand_over(db, CURATOR, "CE5-P-1", [split])
    record_result(db, TECH, "CE5-P-1", "10.1038/s41586-021-04100-2", "publication", "Two-billion-year-old volcanism")
    with pytest.raises(RuleViolation, match="already recorded"):
        record_result(db, TECH, "CE5-P-1", "https://doi.org/10.1038/S41586-021-04100-2")
    with pytest.raises(ValidationError, match="unknown result kind 'poster'"):
        record_result(db, TECH, "CE5-P-1", "10.5281/zenodo.1234", "poster")
    record_result(db, TECH, "CE5-P-1", "10.5281/zenodo.1234", "dataset")
    allocations.record_consumption(db, TECH, "CE5-P-1", split)
    assert not loan_closed("consumed", loan_results(db, "CE5-P-1"))  # its results are not said to be in
    assert allocation_rows(db, reference="CE5-P-1")[0].state == AllocationStatus.CONSUMED
    record_result(db, TECH, "CE5-P-1", complete=True)
    (row,) = allocation_rows(db, reference="CE5-P-1")
    assert (row.status, row.state) == (AllocationStatus.CONSUMED, LoanState.CLOSED)
    assert LoanFilter(status=LoanState.CLOSED).matches(row)
    assert not LoanFilter(status=AllocationStatus.CONSUMED).matches(row)
    results = loan_results(db, "CE5-P-1")
    assert [(r.kind, r.doi) for r in results.results] == [("publication", "10.1038/s41586-021-04100-2"),
                                                          ("dataset", "10.5281/zenodo.1234")]
    assert loan_closed("consumed", results)
    export_workbook(db, tmp_path / "loans.xlsx")
    workbook = load_workbook(tmp_path / "loans.xlsx")
    register = {row[1]: row for row in workbook["Allocations"].iter_rows(min_row=1, values_only=True)}
    header = register["Institution"]
    row = dict(zip(header, register["Osaka University"], strict=True))
    assert (row["Results"], row["Loan closed"]) == (2, "yes")
    assert row["Result DOIs"] == "10.1038/s41586-021-04100-2; 10.5281/zenodo.1234"
    by_institution = workbook["By institution"]
    assert by_institution["I1"].value == "Results"
    assert by_institution["I2"].value == "=SUMPRODUCT((Allocations!$B$2:$B$2=$A2)*Allocations!$S$2:$S$2)"
    assert verify(db) == []
