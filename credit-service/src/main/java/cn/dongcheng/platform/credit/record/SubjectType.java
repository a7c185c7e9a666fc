package cn.dongcheng.platform.credit.record;

/** Whom a record is about: a legal person (法人, by credit code) or a natural person (自然人, by resident ID number). */
public enum SubjectType {
    LEGAL_PERSON,
    NATURAL_PERSON
}
