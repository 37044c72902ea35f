"""The command line (click). Only this package knows about click."""
