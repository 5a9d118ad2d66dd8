"""Our own tests use the fixtures we ship, the way users enable them."""

pytest_plugins = ["kling_ext.testing"]
