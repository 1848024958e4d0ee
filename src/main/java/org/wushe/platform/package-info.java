/**
 * The ground the business modules stand on: the embedded PostgreSQL server that Wushe starts when no
 * external database is configured, and the web shell (layout, navigation, language, error pages).
 * It depends on no other module; modules plug their pages into the shell through Thymeleaf fragments.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package org.wushe.platform;
