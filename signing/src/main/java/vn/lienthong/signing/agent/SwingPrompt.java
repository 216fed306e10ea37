package vn.lienthong.signing.agent;

import java.awt.BorderLayout;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;

/**
 * Dialogs, when the agent runs on a screen without a terminal (started from a shortcut). Each
 * dialog stays on top of the browser that asked.
 */
final class SwingPrompt implements PinPrompt {

  private static final String TITLE = "Liên Thông — ký số";
  private static final String SIGN = "Ký";
  private static final String DECLINE = "Từ chối";

  @Override
  public void showPairingCode(String origin, String code) {
    String text =
        "Yêu cầu ghép nối từ "
            + (origin == null ? "một chương trình trên máy này" : origin)
            + "\n\nMã ghép nối: "
            + code
            + "\n\nChỉ nhập mã này vào trang web nếu chính bạn vừa yêu cầu ghép nối.\nMã có hiệu lực "
            + Pairing.CODE_VALIDITY.toMinutes()
            + " phút.";
    SwingUtilities.invokeLater(
        () -> {
          JOptionPane pane = new JOptionPane(text, JOptionPane.INFORMATION_MESSAGE);
          JDialog dialog = pane.createDialog(TITLE);
          dialog.setModal(false);
          dialog.setAlwaysOnTop(true);
          dialog.setVisible(true);
        });
  }

  @Override
  public synchronized Optional<char[]> approve(Batch batch) {
    return onScreen(
        () -> {
          JTextArea text = new JTextArea(batch.text(), 16, 72);
          text.setEditable(false);
          text.setLineWrap(true);
          text.setWrapStyleWord(true);
          JPasswordField pin = new JPasswordField(20);
          JPanel panel = new JPanel(new BorderLayout(8, 8));
          panel.add(new JScrollPane(text), BorderLayout.CENTER);
          JPanel pinRow = new JPanel();
          pinRow.add(new JLabel("Mã PIN:"));
          pinRow.add(pin);
          panel.add(pinRow, BorderLayout.SOUTH);
          return ask(panel, pin, new Object[] {SIGN, DECLINE}, SIGN);
        });
  }

  @Override
  public synchronized Optional<char[]> password(String purpose) {
    return onScreen(
        () -> {
          JPasswordField password = new JPasswordField(20);
          JPanel panel = new JPanel(new BorderLayout(8, 8));
          panel.add(new JLabel(purpose), BorderLayout.NORTH);
          panel.add(password, BorderLayout.CENTER);
          return ask(panel, password, new Object[] {"Mở", "Hủy"}, "Mở");
        });
  }

  private static Optional<char[]> ask(
      JPanel panel, JPasswordField field, Object[] options, Object yes) {
    JOptionPane pane =
        new JOptionPane(
            panel,
            JOptionPane.WARNING_MESSAGE,
            JOptionPane.DEFAULT_OPTION,
            null,
            options,
            options[0]);
    JDialog dialog = pane.createDialog(TITLE);
    dialog.setAlwaysOnTop(true);
    dialog.addWindowFocusListener(
        new java.awt.event.WindowAdapter() {
          @Override
          public void windowGainedFocus(java.awt.event.WindowEvent e) {
            field.requestFocusInWindow();
          }
        });
    dialog.setVisible(true); // modal: returns when closed
    dialog.dispose();
    char[] value = field.getPassword();
    field.setText("");
    if (!yes.equals(pane.getValue()) || value.length == 0) {
      Arrays.fill(value, '\0');
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private interface DialogTask {
    Optional<char[]> run();
  }

  private static Optional<char[]> onScreen(DialogTask task) {
    AtomicReference<Optional<char[]>> result = new AtomicReference<>(Optional.empty());
    try {
      SwingUtilities.invokeAndWait(() -> result.set(task.run()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Không hiển thị được hộp thoại hỏi mã PIN", e.getCause());
    }
    return result.get();
  }
}
