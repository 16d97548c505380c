package com.toprise.user.pincode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.toprise.common.outbox.OutboxWriter;
import com.toprise.schemas.geo.GeoPoint;
import com.toprise.user.SeedProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Fills an empty pincode collection from a CSV (code,city,state,serviceable,latitude,longitude; the centroid may be
 * left empty), so addresses can be checked, and placed, at once.
 */
@Component
class PincodeSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PincodeSeeder.class);

    private final PincodeRepository pincodes;
    private final OutboxWriter outbox;
    private final Resource file;

    PincodeSeeder(PincodeRepository pincodes, OutboxWriter outbox, SeedProperties seed) {
        this.pincodes = pincodes;
        this.outbox = outbox;
        this.file = seed.pincodes();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (pincodes.count() > 0) {
            return;
        }
        Instant now = Instant.now();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            List<Pincode> seed = reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(line -> line.split(",", -1))
                    .map(f -> new Pincode(f[0], f[1], f[2], Boolean.parseBoolean(f[3]), centroid(f), now, now))
                    .toList();
            // one write per pincode, each with its PINCODE_UPDATED, so order intake learns the seed like any change
            seed.forEach(p -> outbox.save(p, p.updatedEvent()));
            log.info("seeded {} pincodes from {}", seed.size(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pincode seed " + file, e);
        }
    }

    private static GeoPoint centroid(String[] fields) {
        boolean given = fields.length >= 6 && !fields[4].isBlank() && !fields[5].isBlank();
        return given ? new GeoPoint(Double.parseDouble(fields[4].strip()), Double.parseDouble(fields[5].strip()))
                : null;
    }
}
