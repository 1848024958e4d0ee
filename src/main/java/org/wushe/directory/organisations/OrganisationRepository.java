package org.wushe.directory.organisations;

import org.springframework.data.repository.CrudRepository;

interface OrganisationRepository extends CrudRepository<Organisation, Long> {}
