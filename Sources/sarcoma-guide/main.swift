print("sarcoma-guide: not yet wired")
