package org.wushe.residents;

import org.wushe.platform.ResourceNotFoundException;

/** A case that does not exist or lies outside the caller's scope. */
public class CaseNotFoundException extends ResourceNotFoundException {

    public CaseNotFoundException(long id) {
        super("residents.case.notFound", id);
    }
}
