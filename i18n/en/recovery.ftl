# recovery messages
