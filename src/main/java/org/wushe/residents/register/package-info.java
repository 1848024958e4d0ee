/**
 * The register itself: the {@link org.wushe.residents.register.Residents} façade (create, update, void, unvoid,
 * merge, reveal, households), the record's life cycle ({@code ResidentState}), its store and cipher, the
 * field-by-field validation of a draft, and the register's pages and API. The other slices read residents through
 * the façade and encrypt their care notes with {@link org.wushe.residents.register.ResidentCipher}.
 */
package org.wushe.residents.register;
