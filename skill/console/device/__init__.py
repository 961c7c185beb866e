"""The Echo around a conversation: sessions and silence, permissions asked by voice and kept,
timers ringing and reminders appearing, the device's settings and clock."""
