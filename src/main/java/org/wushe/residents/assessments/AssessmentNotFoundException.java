package org.wushe.residents.assessments;

import org.wushe.platform.ResourceNotFoundException;

/** An assessment that does not exist, belongs to another resident, or lies outside the caller's scope. */
class AssessmentNotFoundException extends ResourceNotFoundException {

    public AssessmentNotFoundException(long id) {
        super("residents.assessment.notFound", id);
    }
}
