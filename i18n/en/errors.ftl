# errors messages
