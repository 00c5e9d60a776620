package com.example.orders.streams;

/**
 * The events already processed. Lambda delivers a stream record at least once: after a partial failure
 * it delivers again every record from the failed one on, and a producer's retry can put one event into
 * the stream twice.
 */
public interface ProcessedEvents {

    boolean contains(String eventId);

    void add(String eventId);
}
