package extract

func (x *Extraction) exchangeStage() {}
func (x *Extraction) pledgeStage()   {}
