package org.identityledger.infrastructure.abuse;

import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;

/**
 * One rate limit: {@code capacity} requests, refilled evenly over {@code period}. A setting may give
 * either or both; what it leaves out keeps its default. Zero is no capacity, so it is refused rather
 * than quietly read as "use the default".
 */
public class Limit {

    @Min(1)
    private Long capacity;
    @DurationMin(seconds = 1)
    private Duration period;

    public Limit() {
    }

    public Limit(Long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    public Long getCapacity() {
        return capacity;
    }

    public void setCapacity(Long capacity) {
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
