package cn.dongcheng.platform.demodata;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The generated source deliveries (人口变动 2021–2025 on top of the 2020 census) and what the simulation knows of
 * them, for the loader's progress and for checking that the totals stay calibrated.
 *
 * @param lines            every source line, deliveries in date order
 * @param censusHouseholds family households of the residents on the census date
 * @param censusResidents  residents on the census date (in those households)
 * @param years            per simulated year: population at its start and end, births, deaths, moves
 * @param endResidents     per street: residents at the end, registered (index 0) and floating (index 1)
 * @param conflicts        census and survey answers made to disagree with the registers
 */
record PersonHistory(List<PersonSourceLine> lines, long censusHouseholds, long censusResidents, List<Year> years,
                     Map<String, long[]> endResidents, long conflicts) {

    /** One simulated year: residents at its start and end, and the year's events (persons). */
    record Year(int year, long residentsAtStart, long residentsAtEnd, long births, long deaths, long movesWithin,
                long departures, long arrivals) {

        double crudeBirthRate() {
            return births * 1000.0 / ((residentsAtStart + residentsAtEnd) / 2.0);
        }

        double crudeDeathRate() {
            return deaths * 1000.0 / ((residentsAtStart + residentsAtEnd) / 2.0);
        }
    }

    long size() {
        return lines.size();
    }

    long count(String source) {
        return lines.stream().filter(l -> l.source().equals(source)).count();
    }

    double censusHouseholdSize() {
        return censusResidents / (double) censusHouseholds;
    }

    /** Sends every line as NDJSON to {@code sink}. */
    void emit(Consumer<String> sink) {
        ObjectMapper mapper = new ObjectMapper();
        for (PersonSourceLine line : lines) {
            sink.accept(line.toJson(mapper));
        }
    }
}
