package vn.lienthong.signing.key;

/**
 * Which token of a PKCS#11 library to use. SoftHSM and some HSMs give slots random ids, so we
 * select by the index in the slot list of present tokens, or by the token label.
 */
public sealed interface TokenSelector {

  record SlotListIndex(int index) implements TokenSelector {
    public SlotListIndex {
      if (index < 0) {
        throw new IllegalArgumentException("slot list index must be >= 0");
      }
    }
  }

  record TokenLabel(String label) implements TokenSelector {}

  static TokenSelector slotListIndex(int index) {
    return new SlotListIndex(index);
  }

  static TokenSelector tokenLabel(String label) {
    return new TokenLabel(label);
  }
}
