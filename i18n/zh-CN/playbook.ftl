# playbook messages
