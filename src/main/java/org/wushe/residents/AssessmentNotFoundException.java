package org.wushe.residents;

import org.wushe.platform.ResourceNotFoundException;

/** An assessment that does not exist, belongs to another resident, or lies outside the caller's scope. */
public class AssessmentNotFoundException extends ResourceNotFoundException {

    public AssessmentNotFoundException(long id) {
        super("residents.assessment.notFound", id);
    }
}
