package com.toprise.infra.provisioning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisioningReportTest {

    @Test
    void tellsTheListenerEachLineAndKeepsOnlyTheChangesApart() {
        List<String> told = new ArrayList<>();
        ProvisioningReport report = new ProvisioningReport(line -> told.add(line.name()));

        report.add("topic", "events.order-created", ProvisioningReport.Action.UNCHANGED, "");
        report.add("topic", "inventory.levels", ProvisioningReport.Action.UPDATED, "cleanup.policy=compact");
        report.add("connector", "orders-cdc-source", ProvisioningReport.Action.CREATED, "from orders-cdc-source.json");

        assertThat(told).containsExactly("events.order-created", "inventory.levels", "orders-cdc-source");
        assertThat(report.changes()).extracting(ProvisioningReport.Line::name)
                .containsExactly("inventory.levels", "orders-cdc-source");
        assertThat(report.lines().get(1).toString()).contains("inventory.levels").contains("updated")
                .contains("cleanup.policy=compact");
    }
}
