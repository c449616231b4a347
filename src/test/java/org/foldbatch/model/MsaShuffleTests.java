package org.foldbatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.foldbatch.records.Record;
import org.junit.jupiter.api.Test;

class MsaShuffleTests {
    @Test
    void rowsWithDataComeFirstInRandomOrderAndEmptyRowsLast() {
        boolean[] mask = new boolean[6 * 2];
        for (int r : new int[] {0, 2, 3, 5}) {
            mask[r * 2 + 1] = true;
        }
        Record m = Record.ofBooleans("__input__", "msa_mask", new int[] {6, 2}, mask);
        List<int[]> orders = MsaShuffle.orders(m, 11, 42);
        assertThat(orders).hasSize(11);
        boolean sawDifferentOrders = false;
        for (int[] o : orders) {
            assertThat(Arrays.copyOfRange(o, 0, 4)).containsExactlyInAnyOrder(0, 2, 3, 5);
            assertThat(Arrays.copyOfRange(o, 4, 6)).containsExactly(1, 4);
            sawDifferentOrders |= !Arrays.equals(o, orders.get(0));
        }
        assertThat(sawDifferentOrders).isTrue();
        assertThat(MsaShuffle.orders(m, 11, 42).get(3)).containsExactly(orders.get(3));
    }
}
