package org.wushe.residents.register;

import org.wushe.platform.ResourceNotFoundException;

/** A resident that does not exist or lies outside the caller's scope (indistinguishable on purpose). */
public class ResidentNotFoundException extends ResourceNotFoundException {

    public ResidentNotFoundException(long id) {
        super("residents.resident.notFound", id);
    }
}
