package org.wushe.residents.verification;

/**
 * The vulnerable-group categories a list may name (DESIGN.md glossary, 特殊困难群体): the same codes as the
 * register's categories, kept here so a list row can be checked without the register's classes.
 */
enum VerificationCategory {
    DIBAO,
    TEKUN,
    ELDERLY_ALONE,
    ELDERLY_EMPTY_NEST,
    ELDERLY_80_PLUS,
    CHILD_IN_DIFFICULTY,
    LEFT_BEHIND_CHILD,
    HOMELESS,
    DISABLED,
    PREGNANT,
    DIALYSIS,
    SERIOUS_ILLNESS,
    CHRONIC_ILLNESS
}
