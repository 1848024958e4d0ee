/**
 * The register of vulnerable residents (特殊困难群体台账): residents and households, four-dimension assessments,
 * visits and daily check-ins, case work, and verification campaigns for lists sent down from above — scoped by
 * the caller's data scope ({@code access}), with ID numbers, phones and notes encrypted ({@code privacy}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Residents",
        allowedDependencies = {"access", "privacy", "platform", "notify", "region", "directory::socialworkers",
                "platform::spreadsheet"})
package org.wushe.residents;
