# Settings of the staging environment:
#   terraform plan -var-file=environments/staging.tfvars
environment = "staging"

# Its data matters: the tables refuse deletion, and the logs keep to INFO.
log_level           = "INFO"
deletion_protection = true
