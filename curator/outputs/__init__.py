"""Files the desk writes for people: the allocation workbook, labels and handover sheets, written safely."""
