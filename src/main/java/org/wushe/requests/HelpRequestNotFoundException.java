package org.wushe.requests;

import org.wushe.platform.ResourceNotFoundException;

/** Not there, or not in the caller's scope: the same answer either way. */
public class HelpRequestNotFoundException extends ResourceNotFoundException {

    public HelpRequestNotFoundException() {
        super("requests.notFound");
    }
}
