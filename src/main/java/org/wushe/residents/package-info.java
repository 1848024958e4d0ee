/**
 * The register of vulnerable residents (特殊困难群体台账): residents and households, four-dimension assessments,
 * visits and daily check-ins, case work, and verification campaigns for lists sent down from above — scoped by
 * the caller's data scope ({@code access}), with ID numbers, phones and notes encrypted ({@code privacy}).
 *
 * <p>The root holds the module's vocabulary (categories, risk levels, lawful bases, disability types, the
 * {@link org.wushe.residents.VerificationCorrected} event); each feature is a slice, package-private unless
 * another slice uses it: {@code register} (the {@code Residents} façade the others build on), {@code assessments},
 * {@code visits}, {@code checkins}, {@code cases}, {@code alerts} (who is told about a resident at risk),
 * {@code verification} (campaigns and their list imports) and {@code demo}. It may use {@code access},
 * {@code privacy}, {@code platform} (with its spreadsheet engine), {@code notify} (the staff inbox), {@code region}
 * and {@code directory} (social workers); no other module uses it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Residents",
        allowedDependencies = {
            "access",
            "privacy",
            "platform",
            "notify",
            "region",
            "directory::socialworkers",
            "platform::spreadsheet"
        })
package org.wushe.residents;
