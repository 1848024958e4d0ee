package org.wushe.directory;

import org.wushe.platform.ResourceNotFoundException;

/** No such volunteer, or one outside the caller's scope (the two look the same). */
public class VolunteerNotFoundException extends ResourceNotFoundException {

    public VolunteerNotFoundException(long id) {
        super("directory.volunteer.notFound", id);
    }
}
