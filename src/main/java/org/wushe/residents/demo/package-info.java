/**
 * Demo-profile data of the register: fictitious residents written through the slices' own façades (register,
 * assessments, visits, check-ins), so validation, encryption and audit apply to them as to real ones.
 */
package org.wushe.residents.demo;
