package org.wushe.directory.organisations;

import org.wushe.platform.ResourceNotFoundException;

/** No such organisation, or one outside the caller's scope (the two look the same). */
class OrganisationNotFoundException extends ResourceNotFoundException {

    public OrganisationNotFoundException(long id) {
        super("directory.organisation.notFound", id);
    }
}
