package org.wushe.requests.casework;

import java.util.List;

/**
 * Ranked candidates for a request: organisations (station, community committee, social-work room …), social
 * workers and volunteers, best first, each with the reasons of its rank (label keys {@code requests.reason.*}).
 */
public record Suggestions(List<Candidate> organisations, List<Candidate> socialWorkers, List<Candidate> volunteers) {

    public record Candidate(
            long id, String name, String regionCode, int openLoad, boolean onDuty, List<String> reasons, int score) {}
}
