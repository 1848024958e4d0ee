package org.wushe.residents.register;

import org.wushe.platform.ResourceNotFoundException;

/** A household that does not exist or lies outside the caller's scope. */
class HouseholdNotFoundException extends ResourceNotFoundException {

    public HouseholdNotFoundException(long id) {
        super("residents.household.notFound", id);
    }
}
