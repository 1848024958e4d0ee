package org.wushe.residents.cases;

import org.wushe.platform.ResourceNotFoundException;

/** A case that does not exist or lies outside the caller's scope. */
class CaseNotFoundException extends ResourceNotFoundException {

    public CaseNotFoundException(long id) {
        super("residents.case.notFound", id);
    }
}
