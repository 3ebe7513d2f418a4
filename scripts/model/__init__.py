"""The content model: settings, warning signs, glossary and search words, each read and validated by
one loader here. Layer order (a test holds it): model <- checks, transforms <- hook, build, pdf, kiosk.
Nothing in this package imports from scripts.checks or scripts.transforms."""
