/**
 * Four-dimension assessments (四维评估): the PHQ-9/GAD-7 scoring ({@code Screening}), the written-down risk rule
 * ({@code RiskRule}) that sets a resident's risk level and reassessment date, their store, pages and API.
 */
package org.wushe.residents.assessments;
