/*
 * Keys. WUSHE_CRYPTO_KEYS=id1:base64,id2:base64 (128-bit SM4 keys; or the map wushe.crypto.keys.<id>),
 * WUSHE_CRYPTO_ACTIVE_KEY_ID = the id new values are encrypted under, WUSHE_CRYPTO_INDEX_KEY = base64 key of at
 * least 256 bits for blind indexes (never the encryption key). Rotation: add a key, make it active on every
 * node, re-encrypt (ReEncryption: WUSHE_CRYPTO_RE_ENCRYPT=true on one node, in batches while it serves, over
 * every column the modules declare as EncryptedColumns beans), only then drop the old key. The index key cannot
 * rotate without recomputing every blind index; the audit chain's key is derived from it (keyedHash). With none of the three set (development),
 * keys are generated once into <WUSHE_DATA_DIR>/wushe-keys.properties (owner-only) and a warning is logged;
 * to keep that data later, carry its dev1 key over into WUSHE_CRYPTO_KEYS.
 *
 * A reveal endpoint in a module. The page shows the masked value with
 *     <span th:replace="~{privacy/reveal :: field(${masked}, @{/residents/{id}/phone(id=${r.id})}, 'resident-phone')}"></span>
 * and the module's controller answers the htmx post with the clear value:
 *     @PostMapping("/residents/{id}/phone")
 *     String revealPhone(@PathVariable long id, @RequestParam String reason, Model model) {
 *         return RevealFragment.revealed(model, residents.revealPhone(id, reason));
 *     }
 * where the module's façade checks permission and data scope, then returns
 *     sensitiveData.reveal(new SensitiveField("resident", id, regionCode, "phone"), reason,
 *             () -> crypto.decrypt(row.phone(), "residents_resident", "phone"));
 * A blank or over-long reason is an InvalidValueException, shown as a localised 400.
 */
/**
 * Personal-data protection (PIPL, MLPS 2.0) for every module that stores ID numbers, phones, health or
 * psychological notes: encryption at rest and blind indexes ({@link org.wushe.privacy.CryptoService}), masks for
 * display ({@link org.wushe.privacy.Masking}) and audited reveal ({@link org.wushe.privacy.SensitiveData}, which
 * publishes {@link org.wushe.shared.Activity} events for the audit trail). Uses only {@code platform}; never
 * {@code access}, which depends on this module, so it reads the caller from Spring Security directly.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Privacy",
        allowedDependencies = {"platform"})
package org.wushe.privacy;
