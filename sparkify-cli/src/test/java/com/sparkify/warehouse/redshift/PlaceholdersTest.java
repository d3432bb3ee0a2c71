package com.sparkify.warehouse.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    @Test
    void parametersAreFilledInOutsideStringsNamesAndComments() {
        String sql = "-- is it ? ${load_id}\nSELECT ?, ${load_id}, 'a?b''?${x}', \"c?\" /* ? */ FROM t WHERE x = ?";

        assertThat(Placeholders.substitute(sql))
                .isEqualTo("-- is it ? ${load_id}\nSELECT NULL, 1, 'a?b''?${x}', \"c?\" /* ? */ FROM t WHERE x = NULL");
    }
}
