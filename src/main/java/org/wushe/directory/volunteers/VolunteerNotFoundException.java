package org.wushe.directory.volunteers;

import org.wushe.platform.ResourceNotFoundException;

/** No such volunteer, or one outside the caller's scope (the two look the same). */
class VolunteerNotFoundException extends ResourceNotFoundException {

    public VolunteerNotFoundException(long id) {
        super("directory.volunteer.notFound", id);
    }
}
