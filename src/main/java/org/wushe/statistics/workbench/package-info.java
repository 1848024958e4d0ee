/**
 * The home page as a workbench: what needs the caller now, by role, counted in SQL within their scope and linked
 * to the lists that show it; supplied to the shell as a {@link org.wushe.platform.HomePanel}.
 */
package org.wushe.statistics.workbench;
