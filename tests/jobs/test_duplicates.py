from warmintro.model.contact import Contact
from warmintro.model.duplicates import likely_duplicates

KNOWN = [
    Contact(id="a", first_name="Ana", last_name="Sílva", company="Acme, Lda", emails=["ana@acme.pt"]),
    Contact(id="b", first_name="Rui", last_name="Costa", linkedin_url="https://www.linkedin.com/in/ruicosta/"),
    Contact(id="c", first_name="Ana", last_name="Sousa", company="Acme, Lda"),
]


def names(new):
    return [(c.id, why) for c, why in likely_duplicates(new, KNOWN)]


def test_same_email_in_another_case():
    assert names(Contact(id="n", first_name="A", emails=["ANA@acme.pt"])) == [("a", "same email")]


def test_same_url_in_another_form():
    assert names(Contact(id="n", first_name="R", linkedin_url="http://pt.linkedin.com/in/RuiCosta?x=1")) == [
        ("b", "same LinkedIn profile")]


def test_similar_name_same_company_but_not_a_different_surname():
    assert names(Contact(id="n", first_name="Ana", last_name="Silva", company="acme,  lda")) == [
        ("a", "similar name at the same company")]


def test_similar_name_elsewhere_is_not_a_duplicate():
    assert names(Contact(id="n", first_name="Ana", last_name="Silva", company="Globex")) == []
