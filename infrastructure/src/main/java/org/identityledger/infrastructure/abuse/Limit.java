package org.identityledger.infrastructure.abuse;

import java.time.Duration;

/** One rate limit: {@code capacity} requests, refilled evenly over {@code period}. */
public class Limit {

    private long capacity;
    private Duration period;

    public Limit() {
    }

    public Limit(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    public long getCapacity() {
        return capacity;
    }

    public void setCapacity(long capacity) {
        this.capacity = capacity;
    }

    public Duration getPeriod() {
        return period;
    }

    public void setPeriod(Duration period) {
        this.period = period;
    }

    @Override
    public String toString() {
        return capacity + " per " + period;
    }
}
