# Settings of the dev environment:
#   terraform plan -var-file=environments/dev.tfvars
environment = "dev"

# A working environment: more detail in the logs, and the tables may be destroyed with the stack.
log_level           = "DEBUG"
deletion_protection = false
