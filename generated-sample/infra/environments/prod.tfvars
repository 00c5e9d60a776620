# Settings of the prod environment:
#   terraform plan -var-file=environments/prod.tfvars
environment = "prod"

# Its data matters: the tables refuse deletion, and the logs keep to INFO.
log_level           = "INFO"
deletion_protection = true
