"""Small Wins: an Alexa skill for noticing and celebrating small wins."""
