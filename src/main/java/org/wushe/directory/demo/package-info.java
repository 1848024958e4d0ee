/**
 * Demo mode: the demo city's directory, written through the slices' façades (and the volunteer store, since a demo
 * volunteer proves no phone by SMS).
 */
package org.wushe.directory.demo;
